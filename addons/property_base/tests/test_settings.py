"""Suite-wide checks of the Settings page, generic over every installed addon.

They look at every installed ``property_*`` addon, so they also hold the
add-ons built on property_base to the rule: every number a user may change is
a Settings field, and every Settings field really stores what the user sets.
"""

import ast
import os
import re

from odoo.exceptions import ValidationError
from odoo.modules.module import get_module_path
from odoo.tests import TransactionCase, tagged

#: a system parameter key of the suite, e.g. ``property_base.health_base_score``
PARAM_KEY = re.compile(r"^property_[a-z0-9_]+\.[a-z0-9_.]+$")


def _suite_settings_fields(settings):
    """The user-editable ``res.config.settings`` fields of ``property_*`` addons."""
    return [
        field
        for name, field in sorted(settings._fields.items())
        if (field._module or "").startswith("property_")
        and not name.startswith("module_")
        and not (field.compute and field.readonly and not field.inverse)
        and field.type
        in ("boolean", "integer", "float", "monetary", "char", "selection", "many2one")
    ]


def _param_reading_call(node):
    """Whether ``node`` is a call reading a parameter: ``get_param(key)``,
    an alias such as ``get = ...get_param; get(key)``, or a helper whose name
    mentions ``param``."""
    func = node.func
    name = getattr(func, "attr", None) or getattr(func, "id", None) or ""
    return name == "get" or "param" in name


@tagged("post_install", "-at_install")
class TestSuiteSettings(TransactionCase):
    def _installed_suite_modules(self):
        return self.env["ir.module.module"].search(
            [("name", "=like", "property\\_%"), ("state", "=", "installed")]
        )

    def _other_values(self, settings, field, current):
        """Values different from ``current`` for ``field``, most likely valid first."""
        if field.type == "boolean":
            return [not current]
        if field.type in ("integer", "float", "monetary"):
            return [(current or 0) + 1, (current or 0) - 1]
        if field.type == "char":
            return [f"{current or ''}1"]
        if field.type == "selection":
            return [
                value
                for value, _label in field._description_selection(settings.env)
                if value != current
            ][:1] or [current]
        comodel = self.env[field.comodel_name]
        other = comodel.search([("id", "!=", current.id)], limit=1)
        return [other.id if other else False]

    def test_every_suite_setting_round_trips(self):
        """Set each field, save (``execute``), read it back on a new form."""
        Settings = self.env["res.config.settings"]
        fields_ = _suite_settings_fields(Settings)
        self.assertTrue(fields_, "property_base ships settings fields")
        for field in fields_:
            with self.subTest(field=field.name, module=field._module):
                current = Settings.create({})[field.name]
                for value in self._other_values(Settings, field, current):
                    if value is False and field.type == "many2one":
                        break  # nothing else to choose
                    try:
                        with self.env.cr.savepoint():
                            Settings.create({field.name: value}).execute()
                    except ValidationError:
                        continue  # out of the field's range: try the next
                    break
                else:
                    self.fail(f"{field.name}: no other valid value saved")
                if value is False and field.type == "many2one":
                    continue
                stored = Settings.create({})[field.name]
                if field.type == "many2one":
                    stored = stored.id
                if field.type == "char":
                    stored = stored or ""
                self.assertEqual(stored, value, f"{field._module}: {field.name}")

    def test_every_parameter_read_has_a_setting(self):
        """No ``property_*`` system parameter is read by code without a field
        on the Settings page storing it (``config_parameter``)."""
        settings_keys = {
            field.config_parameter
            for field in self.env["res.config.settings"]._fields.values()
            if getattr(field, "config_parameter", None)
        }
        missing = set()
        read_keys = set()
        for module in self._installed_suite_modules():
            root = get_module_path(module.name)
            for folder, dirs, files in os.walk(root):
                dirs[:] = [d for d in dirs if d not in ("tests", "static", "i18n")]
                for file_name in files:
                    if not file_name.endswith(".py"):
                        continue
                    path = os.path.join(folder, file_name)
                    with open(path, encoding="utf-8") as handle:
                        tree = ast.parse(handle.read(), path)
                    for node in ast.walk(tree):
                        if not (
                            isinstance(node, ast.Call)
                            and node.args
                            and isinstance(node.args[0], ast.Constant)
                            and isinstance(node.args[0].value, str)
                            and PARAM_KEY.match(node.args[0].value)
                            and _param_reading_call(node)
                        ):
                            continue
                        key = node.args[0].value
                        if self.env.ref(key, raise_if_not_found=False):
                            continue  # an XML id (group, action...), not a parameter
                        read_keys.add(key)
                        if key not in settings_keys:
                            rel = os.path.relpath(path, os.path.dirname(root))
                            missing.add(f"{key} ({rel}:{node.lineno})")
        # parameters shipped as data by the suite's addons are settings too
        # (this also covers keys the code builds, e.g. f"property_x.{name}")
        shipped = self.env["ir.model.data"].search(
            [("model", "=", "ir.config_parameter"), ("module", "=like", "property\\_%")]
        )
        for data in shipped:
            key = self.env["ir.config_parameter"].browse(data.res_id).exists().key
            if key and key.startswith("property_") and key not in settings_keys:
                missing.add(f"{key} (data {data.module}.{data.name})")
        self.assertIn("property_base", shipped.mapped("module"))
        self.assertIn("property_base.health_points_black", read_keys)
        self.assertFalse(
            missing,
            "System parameters read without a Settings field: "
            + ", ".join(sorted(missing)),
        )
