import random
import unittest
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo.tests import TransactionCase, new_test_user


class InsightCommon(TransactionCase):
    """A year of generated history for 240 households in three grids.

    Every month 100 random households answer the survey. With ``signal``,
    a household whose owner's relationship category changed at least three
    times in the twelve months before the month answers unhappy with
    probability 0.7, any other with 0.15; without, every household is
    unhappy with probability 0.25 whatever its past.
    """

    signal = True
    households = 240
    sample = 100
    first_month = date(2024, 1, 1)
    months = 12

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if cls.env["ir.module.module"]._get("property_insight").demo:
            # the generated history shares the company with the demo's own two
            # years of 翠湖花园: counts and the month's work list would mix
            # both (these tests run in the no-demo phase)
            raise unittest.SkipTest("needs a database without the demo data")
        rng = random.Random(20240101)
        cls.butlers = [
            new_test_user(
                cls.env,
                login=f"insight_butler_{index}",
                groups="property_base.property_base_group_butler",
            )
            for index in range(3)
        ]
        cls.manager = new_test_user(
            cls.env,
            login="insight_manager",
            groups="property_base.property_base_group_manager",
        )
        cls.project = cls.env["property.project"].create(
            {"name": "Jade Lake", "code": "JL"}
        )
        cls.buildings = cls.env["property.building"].create(
            [
                {
                    "name": f"B{index + 1}",
                    "project_id": cls.project.id,
                    "butler_id": butler.id,
                }
                for index, butler in enumerate(cls.butlers)
            ]
        )
        cls.units = cls.env["property.unit"].create(
            [
                {
                    "name": f"{100 + index}",
                    "building_id": cls.buildings[index % 3].id,
                    "sale_state": "handed_over",
                    "occupancy": "occupied",
                    "handover_date": date(2021, 1 + index % 12, 15),
                }
                for index in range(cls.households)
            ]
        )
        cls.owners = cls.env["res.partner"].create(
            [
                {"name": f"Owner {unit.name}", "customer_stage": "owner"}
                for unit in cls.units
            ]
        )
        cls.env["property.residency"].create(
            [
                {
                    "partner_id": owner.id,
                    "unit_id": unit.id,
                    "role": "owner",
                    "date_start": "2021-01-01",
                }
                for owner, unit in zip(cls.owners, cls.units, strict=True)
            ]
        )
        # relationship changes: a third of the owners change category now
        # and then, every month with probability 0.4
        changes = {owner.id: [] for owner in cls.owners}
        history = []
        start = cls.first_month - relativedelta(months=12)
        for owner in cls.owners.filtered(lambda _o: rng.random() < 0.35):
            category = "normal"
            for offset in range(12 + cls.months):
                if rng.random() < 0.4:
                    day = start + relativedelta(months=offset, days=rng.randrange(27))
                    new = "good" if category == "normal" else "normal"
                    history.append(
                        {
                            "partner_id": owner.id,
                            "old_category": category,
                            "new_category": new,
                            "reason": "generated",
                            "date": f"{day} 10:00:00",
                        }
                    )
                    changes[owner.id].append(day)
                    category = new
        cls.env["property.relationship.history"].sudo().create(history)
        cls.changes = changes
        cls.campaigns = cls.env["property.survey.campaign"]
        household_vals = []
        for offset in range(cls.months):
            month = cls.first_month + relativedelta(months=offset)
            campaign = cls.env["property.survey.campaign"].create(
                {
                    "project_id": cls.project.id,
                    "month": month,
                    "sample_mode": "fixed",
                    "sample_size_fixed": cls.sample,
                }
            )
            cls.campaigns |= campaign
            for index in rng.sample(range(cls.households), cls.sample):
                unit, owner = cls.units[index], cls.owners[index]
                household_vals.append(
                    {
                        "campaign_id": campaign.id,
                        "unit_id": unit.id,
                        "building_id": unit.building_id.id,
                        "partner_id": owner.id,
                        "answered": True,
                        "overall_score": cls._score(rng, owner, month),
                    }
                )
        cls.env["property.survey.household"].create(household_vals)
        cls.owners._compute_property_health()

    @classmethod
    def _score(cls, rng, owner, month):
        if cls.signal:
            recent = sum(
                month - relativedelta(months=12) <= day < month
                for day in cls.changes[owner.id]
            )
            unhappy = rng.random() < (0.7 if recent >= 3 else 0.15)
        else:
            unhappy = rng.random() < 0.25
        return rng.choice([1, 2, 3]) if unhappy else rng.choice([4, 5])
