from pathlib import Path

from odoo.tests import Form, TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestClubSettings(TransactionCase):
    FIELDS = {
        "property_club_event_window_months": 6,
        "property_club_health_points_event": 4,
        "property_club_health_points_event_max": 12,
        "property_club_health_points_inactive": -3,
        "property_club_issue_batch_size": 50,
    }

    def test_settings_round_trip(self):
        settings = Form(self.env["res.config.settings"])
        for name, value in self.FIELDS.items():
            setattr(settings, name, value)
        settings.save().execute()
        Settings = self.env["res.config.settings"]
        for name, value in self.FIELDS.items():
            self.assertEqual(Settings._club_setting(name), value)
            self.assertEqual(getattr(Settings.create({}), name), value)

    def test_default_when_the_parameter_is_missing(self):
        self.env["ir.config_parameter"].search(
            [("key", "=", "property_club.health_points_event")]
        ).unlink()
        self.assertEqual(
            self.env["res.config.settings"]._club_setting(
                "property_club_health_points_event"
            ),
            3,
        )

    def test_no_parameter_read_without_a_settings_field(self):
        root = Path(__file__).parents[1]
        for path in [*(root / "models").glob("*.py"), *(root / "wizard").glob("*.py")]:
            if path.name == "res_config_settings.py":
                continue
            self.assertNotIn("get_param(", path.read_text(), path.name)
        keys = {
            field.config_parameter
            for field in self.env["res.config.settings"]._fields.values()
            if getattr(field, "config_parameter", None)
        }
        shipped = self.env["ir.config_parameter"].search(
            [("key", "=like", "property_club.%")]
        )
        for key in shipped.mapped("key"):
            self.assertIn(key, keys)
