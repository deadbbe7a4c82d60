from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import PropertyBaseCommon


@tagged("post_install", "-at_install")
class TestRelationship(PropertyBaseCommon):
    def test_category_change_is_tracked_with_reason(self):
        # close the creation transaction: records created in it are not tracked
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.owner_a.write(
            {"relationship_category": "black", "relationship_reason": "Refuses fees"}
        )
        history = self.owner_a.relationship_history_ids
        self.assertEqual(len(history), 1)
        self.assertEqual(
            (history.old_category, history.new_category, history.reason),
            ("normal", "black", "Refuses fees"),
        )
        self.env.flush_all()
        self.env.cr.precommit.run()
        tracked = self.env["mail.tracking.value"].search(
            [
                ("mail_message_id.model", "=", "res.partner"),
                ("mail_message_id.res_id", "=", self.owner_a.id),
                ("field_id.name", "=", "relationship_category"),
            ]
        )
        self.assertEqual(len(tracked), 1)

    def test_category_change_without_reason_refused(self):
        with self.assertRaises(ValidationError):
            self.owner_a.write({"relationship_category": "black"})
        self.assertEqual(self.owner_a.relationship_category, "normal")
        self.assertFalse(self.owner_a.relationship_history_ids)

    def test_same_category_adds_no_history(self):
        self.owner_a.write(
            {"relationship_category": "normal", "relationship_reason": "x"}
        )
        self.assertFalse(self.owner_a.relationship_history_ids)

    def test_wizard_changes_several_customers(self):
        action = (self.owner_a | self.owner_b).action_change_relationship()
        wizard_form = Form(
            self.env[action["res_model"]].with_context(**action["context"])
        )
        wizard_form.relationship_category = "good"
        wizard_form.reason = "Joined the owner committee"
        wizard_form.save().action_apply()
        self.assertEqual(
            (self.owner_a | self.owner_b).mapped("relationship_category"),
            ["good", "good"],
        )
        self.assertEqual(
            len(
                self.env["property.relationship.history"].search(
                    [("partner_id", "in", (self.owner_a | self.owner_b).ids)]
                )
            ),
            2,
        )

    def test_butler_cannot_set_black_over_rpc(self):
        """Issue 12 item 8: the butler's direct write is refused, the wizard works."""
        owner = self.owner_a.with_user(self.butler_a)
        with self.assertRaises(AccessError):
            owner.write(
                {"relationship_category": "black", "relationship_reason": "Rude"}
            )
        self.assertEqual(self.owner_a.relationship_category, "normal")
        self.assertFalse(self.owner_a.relationship_history_ids)
        with self.assertRaises(AccessError):
            self.env["res.partner"].with_user(self.butler_a).create(
                {
                    "name": "New Black",
                    "relationship_category": "black",
                    "relationship_reason": "Rude",
                }
            )
        with self.assertRaises(AccessError):
            self.env["property.relationship.wizard"].with_user(self.butler_a).create(
                {
                    "partner_ids": [(6, 0, self.owner_a.ids)],
                    "relationship_category": "black",
                    "reason": "Rude",
                }
            )
        wizard = (
            self.env["property.relationship.wizard"]
            .with_user(self.officer)
            .create(
                {
                    "partner_ids": [(6, 0, self.owner_a.ids)],
                    "relationship_category": "black",
                    "reason": "Refuses fees",
                }
            )
        )
        wizard.action_apply()
        self.assertEqual(self.owner_a.relationship_category, "black")
        self.assertEqual(self.owner_a.relationship_history_ids.user_id, self.officer)

    def test_category_at_creation_needs_reason_and_writes_history(self):
        """Issue 13: a category set at creation is justified and recorded."""
        with self.assertRaises(ValidationError):
            self.env["res.partner"].create(
                {"name": "Zhao Lei", "relationship_category": "black"}
            )
        self.assertFalse(self.env["res.partner"].search([("name", "=", "Zhao Lei")]))
        partner = (
            self.env["res.partner"]
            .with_user(self.officer)
            .create(
                {
                    "name": "Zhao Lei",
                    "customer_stage": "owner",
                    "relationship_category": "good",
                    "relationship_reason": "Owner committee member",
                }
            )
        )
        history = partner.relationship_history_ids
        self.assertEqual(
            (history.old_category, history.new_category, history.reason),
            (False, "good", "Owner committee member"),
        )
        plain = self.env["res.partner"].create({"name": "Plain Contact"})
        self.assertFalse(plain.relationship_history_ids)

    def test_import_category_without_reason_reported_nothing_written(self):
        """Issue 13: an imported row with a category but no reason is an error."""
        fields = [
            "name",
            "customer_stage",
            "relationship_category",
            "relationship_reason",
        ]
        rows = [
            ["Qian Yi", "Owner", "Good Relationship", "Volunteer"],
            ["Qian Er", "Owner", "Black Customer", ""],
        ]
        with mute_logger("odoo.sql_db"):
            result = self.env["res.partner"].load(fields, rows)
        self.assertFalse(result["ids"])
        messages = " ".join(m["message"] for m in result["messages"])
        self.assertIn("Qian Er", messages)
        self.assertIn("reason", messages)
        rows[1][3] = "Refuses fees"
        result = self.env["res.partner"].load(fields, rows)
        self.assertFalse(result["messages"])
        partners = self.env["res.partner"].browse(result["ids"])
        self.assertEqual(
            sorted(partners.relationship_history_ids.mapped("new_category")),
            ["black", "good"],
        )
