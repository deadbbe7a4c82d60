from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestClubSettings(TransactionCase):
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
