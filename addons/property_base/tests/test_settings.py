"""Suite-wide checks of the Settings page, generic over every installed addon.

They look at every installed ``property_*`` addon, so they also hold the
add-ons built on property_base to the rule: every number a user may change is
a Settings field, and every Settings field really stores what the user sets.
"""

from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged


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

    def test_business_code_reads_what_the_settings_page_shows(self):
        """With no parameter stored, each setting reads as its declared
        default, typed like its field, exactly what the Settings page shows;
        once saved, it reads as the saved value."""
        Settings = self.env["res.config.settings"]
        fields_ = [f for f in _suite_settings_fields(Settings) if f.config_parameter]
        self.env["ir.config_parameter"].search(
            [("key", "in", [f.config_parameter for f in fields_])]
        ).unlink()
        shown = Settings.create({})
        for field in fields_:
            with self.subTest(field=field.name):
                value = Settings._property_param(field.config_parameter)
                self.assertEqual(value, shown[field.name])
                if field.type in ("integer", "float"):
                    self.assertIsInstance(value, type(shown[field.name]))
        Settings.create({"property_health_base_score": 70}).execute()
        self.assertEqual(
            Settings._property_int_param("property_base.health_base_score"), 70
        )

    def test_a_parameter_without_a_settings_field_cannot_be_read(self):
        with self.assertRaises(KeyError):
            self.env["res.config.settings"]._property_param("property_base.nothing")
