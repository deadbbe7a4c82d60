from odoo.tests import new_test_user

from odoo.addons.property_base.tests.common import PropertyBaseCommon


class SurveyCommon(PropertyBaseCommon):
    """Base's two grids, filled with occupied households that can be sampled.

    Building A (butler A): its two base units plus 8 occupied units with an
    owner; building B (butler B): its base unit (signed) plus 4 occupied
    units with an owner.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].sudo().set_param(
            "property_survey.sample_mode", "fixed"
        )
        cls.env["ir.config_parameter"].sudo().set_param(
            "property_survey.sample_size_fixed", 6
        )
        cls.survey = cls.env.ref("property_survey.survey_owner_satisfaction")
        cls.owner_a.write({"phone": "13800000001", "email": "wang@example.com"})
        cls.a_units = cls._make_households(cls.building_a, "A", 8)
        cls.b_units = cls._make_households(cls.building_b, "B", 4)
        cls.campaign = cls.env["property.survey.campaign"].create(
            {"project_id": cls.project.id, "month": "2024-07-01"}
        )
        cls.owner_user = new_test_user(
            cls.env,
            login="owner_portal",
            groups="base.group_portal",
            partner_id=cls.a_units[0].owner_ids.id,
        )

    @classmethod
    def _make_households(cls, building, prefix, count):
        units = cls.env["property.unit"].create(
            [
                {
                    "name": f"{prefix}{index + 201}",
                    "building_id": building.id,
                    "sale_state": "handed_over",
                    "occupancy": "occupied",
                }
                for index in range(count)
            ]
        )
        owners = cls.env["res.partner"].create(
            [
                {
                    "name": f"Owner {unit.name}",
                    "customer_stage": "owner",
                    "phone": f"1390000{index:04d}",
                    "email": f"owner{prefix}{index}@example.com",
                }
                for index, unit in enumerate(units)
            ]
        )
        cls.env["property.residency"].create(
            [
                {
                    "partner_id": owner.id,
                    "unit_id": unit.id,
                    "role": "owner",
                    "date_start": "2023-01-01",
                }
                for owner, unit in zip(owners, units, strict=True)
            ]
        )
        return units

    @classmethod
    def _question(cls, role, dimension=None):
        return cls.survey.question_ids.filtered(
            lambda q: q.property_role == role
            and (not dimension or q.property_dimension_id.code == dimension)
        )

    @classmethod
    def _answer(cls, answer, overall, loyalty=5, reasons=(), comment=None):
        """Fill and submit ``answer`` the way the survey controller does."""
        answer._save_lines(cls._question("overall"), overall)
        answer._save_lines(cls._question("loyalty"), loyalty)
        reason_question = cls._question("reasons")
        if reasons or comment:
            answer._save_lines(
                reason_question,
                [
                    reason_question.suggested_answer_ids.filtered(
                        lambda a, code=code: a.property_dimension_id.code == code
                    ).id
                    for code in reasons
                ],
                comment=comment,
            )
        answer._mark_done()
        return answer
