from pathlib import Path

from architectures.decomposition.django_project import import_django_project

FILES = {
    "manage.py": "import os\n",
    "shop/__init__.py": "",
    "shop/apps.py": (
        "from django.apps import AppConfig\n\n"
        "class ShopConfig(AppConfig):\n    name = 'shop'\n    label = 'store'\n"
    ),
    "shop/models/__init__.py": "from .base import Stamped\nfrom .orders import Order, Line\n",
    "shop/models/base.py": (
        "from django.db import models\n\n"
        "class Stamped(models.Model):\n    created = models.DateTimeField()\n\n"
        "    class Meta:\n        abstract = True\n"
    ),
    "shop/models/orders.py": (
        "from django.db import models\nfrom .base import Stamped\n\n"
        "class Order(Stamped):\n    customer = models.ForeignKey('crm.Customer', on_delete=models.CASCADE)\n"
        "    tags = models.ManyToManyField('crm.Tag')\n\n"
        "class Line(models.Model):\n    order = models.ForeignKey(Order, on_delete=models.CASCADE)\n\n"
        "    class Meta:\n        db_table = 'order_lines'\n\n"
        "class Special(Order):\n    class Meta:\n        proxy = True\n"
    ),
    "shop/views.py": (
        "from django.shortcuts import get_object_or_404\nfrom django.views.generic import ListView, UpdateView\n"
        "from shop.models import Order, Line\n\n"
        "def close(request, pk):\n    order = get_object_or_404(Order, pk=pk)\n    order.save()\n"
        "    Line.objects.filter(order=order).delete()\n\n"
        "def count():\n    return Order.objects.count()\n\n"
        "def unknown(thing):\n    thing.save()\n\n"
        "class Orders(ListView):\n    model = Order\n\n"
        "class EditLine(UpdateView):\n    model = Line\n"
    ),
    "shop/forms.py": (
        "from django import forms\nfrom shop.models import Line\n\n"
        "class LineForm(forms.ModelForm):\n    class Meta:\n        model = Line\n"
    ),
    "shop/admin.py": "from django.contrib import admin\nfrom shop.models import Order\n\nadmin.site.register(Order)\n",
    "shop/migrations/__init__.py": "",
    "shop/migrations/0001_initial.py": "from django.db import migrations\n",
    "shop/tests/__init__.py": "",
    "shop/tests/test_views.py": "from shop import views\n",
    "crm/__init__.py": "",
    "crm/models.py": (
        "from django.db import models\n\n"
        "class Customer(models.Model):\n    name = models.CharField(max_length=9)\n\n"
        "class Tag(models.Model):\n    pass\n"
    ),
    "crm/services.py": (
        "from django.apps import apps\n\n"
        "def greet():\n    Customer = apps.get_model('crm', 'Customer')\n"
        "    Customer.objects.create(name='x')\n    apps.get_model('store.Order')\n"
    ),
    "crm/signals.py": (
        "from django.dispatch import receiver\nfrom django.db.models.signals import post_save\n"
        "from shop.models import Order\n\n"
        "@receiver(post_save, sender=Order)\ndef on_order(sender, **kwargs):\n    pass\n"
    ),
    "legacy/old.py": "print 'python 2'\n",
}


def project(tmp_path: Path) -> dict:
    for name, text in FILES.items():
        path = tmp_path / "shop-main" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    monolith = import_django_project(tmp_path)
    return {"modules": {m.name: m for m in monolith.modules}, "notes": monolith.notes}


def tables(read, name):
    return {t: str(a) for t, a in read["modules"][name].tables.items()}


def test_migrations_tests_empty_inits_and_unparsable_files_are_left_out_and_said(tmp_path):
    read = project(tmp_path)
    assert not any(".migrations" in m or ".tests" in m for m in read["modules"])
    assert "shop" not in read["modules"] and "legacy.old" not in read["modules"]
    notes = " ".join(read["notes"])
    assert "2 migration modules" in notes and "2 test modules" in notes
    assert "empty __init__ modules" in notes and "legacy/old.py (SyntaxError)" in notes
    assert "Scripts at the import root left out: manage.py" in notes
    assert "namespace packages" in notes and "legacy" in notes


def test_tables_follow_the_app_label_db_table_and_abstract_bases(tmp_path):
    read = project(tmp_path)
    orders = tables(read, "shop.models.orders")
    # AppConfig.label names the app; Meta.db_table wins; the abstract base has no table;
    # the proxy uses its parent's; the many-to-many field has a join table.
    assert orders["store_order"] == "rw" and orders["order_lines"] == "rw"
    assert orders["store_order_tags"] == "rw"
    assert not any("stamped" in t or "special" in t for t in orders)
    assert tables(read, "crm.models") == {"crm_customer": "rw", "crm_tag": "rw"}


def test_relations_read_their_targets_and_string_references_are_calls(tmp_path):
    read = project(tmp_path)
    orders = tables(read, "shop.models.orders")
    assert orders["crm_customer"] == "r" and orders["crm_tag"] == "r"
    assert read["modules"]["shop.models.orders"].calls["crm.models"] == 2


def test_orm_calls_read_and_write(tmp_path):
    views = tables(project(tmp_path), "shop.views")
    # get_object_or_404 reads, .save() on its result writes, a ListView's model only
    # reads; a chain ending in delete and an UpdateView's model write.
    assert views["store_order"] == "rw" and views["order_lines"] == "w"


def test_model_declarations_and_admin_registrations_write(tmp_path):
    read = project(tmp_path)
    assert tables(read, "shop.forms") == {"order_lines": "w"}
    assert tables(read, "shop.admin") == {"store_order": "w"}


def test_loads_by_name_and_signal_senders(tmp_path):
    read = project(tmp_path)
    services = read["modules"]["crm.services"]
    assert tables(read, "crm.services") == {"crm_customer": "rw", "store_order": "r"}
    assert services.calls == {"crm.models": 1, "shop.models.orders": 1}
    assert tables(read, "crm.signals") == {"store_order": "r"}


def test_static_imports_are_calls_and_unknown_saves_are_counted(tmp_path):
    read = project(tmp_path)
    assert read["modules"]["shop.views"].calls["shop.models"] == 1
    assert read["modules"]["shop.models"].calls == {"shop.models.base": 1, "shop.models.orders": 1}
    assert any("1 .save()/.delete() calls" in n for n in read["notes"])


def test_a_manager_write_is_a_write_only_unless_the_chain_also_fetches_rows(tmp_path):
    files = {
        "crm/models.py": (
            "from django.db import models\n\n"
            "class Customer(models.Model):\n    pass\n\n"
            "class Tag(models.Model):\n    pass\n\n"
            "class Note(models.Model):\n    pass\n"
        ),
        "crm/signup.py": (
            "from crm.models import Customer, Note, Tag\n\n"
            "def sign_up():\n"
            "    Customer.objects.create(name='x')\n"
            "    Tag.objects.filter(name='old').update(name='new')\n"
            "    Note.objects.get_or_create(text='hi')\n"
        ),
        "crm/report.py": "from crm.models import Note\n\ndef count():\n    return Note.objects.count()\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    modules = {m.name: m for m in import_django_project(tmp_path).modules}
    signup = {t: str(a) for t, a in modules["crm.signup"].tables.items()}
    assert signup == {"crm_customer": "w", "crm_tag": "w", "crm_note": "rw"}
    assert {t: str(a) for t, a in modules["crm.report"].tables.items()} == {"crm_note": "r"}


def test_a_file_nesting_too_deeply_for_the_readers_is_left_out_and_named(tmp_path):
    files = FILES | {"shop/generated.py": "X = " + " + ".join(["1"] * 2000) + "\n"}
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    monolith = import_django_project(tmp_path)
    assert "shop.generated" not in {m.name for m in monolith.modules}
    assert "shop.views" in {m.name for m in monolith.modules}
    assert any(
        n.startswith("Nested over 150 levels, left out: shop/generated.py") for n in monolith.notes
    )
