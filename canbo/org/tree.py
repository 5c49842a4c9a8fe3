"""Materialised paths of the unit and locality trees ("/<id>/<id>/"), kept by the writers."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _


def check_not_own_ancestor(node: models.Model) -> None:
    """ValidationError on `parent` when `node`'s parent is the node itself or lies under it (the
    materialised path of the parent passes through the node)."""
    parent = node.parent
    if node.pk is None or parent is None:
        return
    if parent.pk == node.pk or f"/{node.pk}/" in parent.path:
        raise ValidationError({"parent": _(
            "“%(parent)s” nằm trong chính %(node)s này, không thể là cấp trên của nó."
        ) % {"parent": parent, "node": node._meta.verbose_name}})


def rebuild_paths(model: type[models.Model]) -> int:
    """Recompute `path` for every row of a self-parented model; returns how many changed.

    Raises ValidationError when the parents form a cycle.
    """
    parents = dict(model.objects.values_list("id", "parent_id"))
    current = dict(model.objects.values_list("id", "path"))
    paths: dict[int, str] = {}

    def path_of(node: int) -> str:
        chain = []
        seen = set()
        while node is not None and node not in paths:
            if node in seen:
                raise ValidationError(_("Cây đơn vị có vòng lặp ở mã nội bộ %(id)s.") % {"id": node})
            seen.add(node)
            chain.append(node)
            node = parents[node]
        prefix = paths[node] if node is not None else "/"
        for item in reversed(chain):
            prefix = f"{prefix}{item}/"
            paths[item] = prefix
        return paths[chain[0]] if chain else prefix

    for node in parents:
        path_of(node)
    changed = [model(id=node, path=path) for node, path in paths.items() if current[node] != path]
    model.objects.bulk_update(changed, ["path"], batch_size=2000)
    return len(changed)
