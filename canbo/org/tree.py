"""Materialised paths of the unit and locality trees ("/<id>/<id>/"), kept by the writers."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _


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
