"""Time the cadre list, the unit tree and the home page at 50,000 cadres.

Usage: CANBO_DATA_DIR=/tmp/bench .venv/bin/python bench/cadre_list.py [N]
Builds N synthetic cadres (default 50,000), each holding one position in one of ~600 units, in
the database of CANBO_DATA_DIR (migrated first), then times pages for three roles.
"""

import datetime as dt
import os
import random
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from canbo.accounts.models import Role, User  # noqa: E402
from canbo.org.models import Locality, PositionType, Unit  # noqa: E402
from canbo.org.tree import rebuild_paths  # noqa: E402
from canbo.people.models import Cadre, PositionHolding  # noqa: E402
from canbo.people.services import cadre_derived_fields  # noqa: E402

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ", "Ngô"]
MIDDLE = ["Văn", "Thị", "Minh", "Quốc", "Thanh", "Hữu", "Ngọc"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Đào", "Hoa", "Huy", "Lan", "Mai", "Nam", "Phúc", "Trang"]


def build(n: int) -> None:
    call_command("migrate", verbosity=0)
    if Cadre.objects.count() >= n:
        return
    rng = random.Random(7)
    province = Locality.objects.create(code="68", name="Lâm Đồng", level="tinh")
    districts = [Locality.objects.create(code=f"6{i:02d}", name=f"Huyện {i}", level="huyen", parent=province)
                 for i in range(12)]
    rebuild_paths(Locality)
    top = Unit.objects.create(code="TU", name="Tỉnh ủy", level="tinh", bloc="dang", locality=province)
    units = [top]
    for i, district in enumerate(districts):
        head = Unit.objects.create(code=f"HU{i}", name=f"Huyện ủy {i}", level="huyen", bloc="dang",
                                   locality=district)
        units.append(head)
        for j in range(50):
            units.append(Unit.objects.create(
                code=f"HU{i}-{j}", name=f"Đơn vị {i}-{j}", level="xa" if j > 10 else "huyen",
                bloc=rng.choice(["dang", "nha_nuoc", "mttq_doan_the", "su_nghiep"]), locality=district,
                parent=head))
    rebuild_paths(Unit)
    units = list(Unit.objects.all())
    pt = PositionType.objects.create(code="CV", name="Chuyên viên")
    cadres = []
    for k in range(n):
        name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        code = f"CB{k:06d}"
        gender = rng.choice(["nam", "nu"])
        born = dt.date(rng.randint(1960, 1998), rng.randint(1, 12), rng.randint(1, 28))
        cadres.append(Cadre(code=code, full_name=name, birth_date=born, gender=gender,
                            category=rng.choice(["can_bo", "cong_chuc", "vien_chuc"]),
                            ethnicity=rng.choice(["Kinh", "Kinh", "K'Ho", "Mạ"]),
                            **cadre_derived_fields(code=code, full_name=name, gender=gender,
                                                   birth_date=born)))
    Cadre.objects.bulk_create(cadres, batch_size=5000)
    ids = list(Cadre.objects.values_list("id", flat=True))
    PositionHolding.objects.bulk_create(
        [PositionHolding(cadre_id=i, unit=rng.choice(units), position_type=pt, valid_from=dt.date(2015, 1, 1))
         for i in ids], batch_size=5000)


def timed(client, url, label):
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        response = client.get(url)
        elapsed = time.perf_counter() - start
    assert response.status_code == 200, (url, response.status_code)
    print(f"{label:<42} {elapsed * 1000:8.0f} ms  {len(queries):3d} queries")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    build(n)
    users = {
        "btv": User.objects.get_or_create(username="bench-btv", defaults={"role": Role.BTV})[0],
        "snv": User.objects.get_or_create(username="bench-snv", defaults={"role": Role.SNV})[0],
        "unit_hr": User.objects.get_or_create(username="bench-hr", defaults={
            "role": Role.UNIT_HR, "scope_unit": Unit.objects.get(code="HU3")})[0],
    }
    print(f"{Cadre.objects.count()} cadres, {Unit.objects.count()} units")
    for role, user in users.items():
        client = Client()
        client.force_login(user)
        client.get("/?as_of=01/01/2020")
        timed(client, "/", f"{role}: home")
        timed(client, "/can-bo/", f"{role}: list, page 1")
        timed(client, "/can-bo/?page=200", f"{role}: list, page 200")
        timed(client, "/can-bo/?q=nguyen+dao", f"{role}: search 'nguyen dao'")
        timed(client, "/can-bo/?cap=xa&loai=can_bo&gioi_tinh=nu&sort=-ngay_sinh",
              f"{role}: 3 filters, sorted")
        if role != "snv":
            timed(client, "/can-bo/?don_vi=HU3&khoi=dang", f"{role}: unit subtree and bloc")
        timed(client, "/to-chuc/", f"{role}: unit tree")
        timed(client, "/api/can-bo/?q=tran", f"{role}: API search")


if __name__ == "__main__":
    main()
