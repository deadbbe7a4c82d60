from odoo.exceptions import ValidationError
from odoo.tests import Form, TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestMerchantSettings(TransactionCase):
    FIELDS = {
        "property_merchant_verify_failed_limit": 7,
        "property_merchant_verify_failed_limit_merchant": 21,
        "property_merchant_verify_window_hours": 2,
        "property_merchant_redeem_window_minutes": 9,
        "property_merchant_amount_cap": 20000,
    }

    def test_settings_round_trip_and_drive_the_code(self):
        settings = Form(self.env["res.config.settings"])
        for name, value in self.FIELDS.items():
            setattr(settings, name, value)
        settings.save().execute()
        Settings = self.env["res.config.settings"]
        fields = Settings._fields
        for name, value in self.FIELDS.items():
            self.assertEqual(
                self.env["ir.config_parameter"].get_param(
                    fields[name].config_parameter
                ),
                str(value),
            )
            self.assertEqual(getattr(Settings.create({}), name), value)
        Verification = self.env["property.merchant.verification"]
        self.assertEqual(Verification._failed_limit(), 7)
        self.assertEqual(Verification._failed_limit_merchant(), 21)
        self.assertEqual(Verification._window_hours(), 2)
        self.assertEqual(Verification._redeem_window_minutes(), 9)
        self.assertEqual(self.env["property.merchant.redemption"]._amount_cap(), 20000)

    def test_settings_refuse_nonsense(self):
        for name, value in (
            ("property_merchant_amount_cap", 10**9 + 1),
            ("property_merchant_amount_cap", 0),
            ("property_merchant_verify_window_hours", 0),
        ):
            with self.subTest(name=name), self.assertRaises(ValidationError):
                self.env["res.config.settings"].create({name: value})
