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
            key = Settings._fields[name].config_parameter
            self.assertEqual(Settings._property_param(key), value)
            self.assertEqual(getattr(Settings.create({}), name), value)

    def test_default_when_the_parameter_is_missing(self):
        self.env["ir.config_parameter"].search(
            [("key", "=", "property_club.health_points_event")]
        ).unlink()
        self.assertEqual(
            self.env["res.config.settings"]._property_param(
                "property_club.health_points_event"
            ),
            3,
        )
