from odoo.tests import TransactionCase, new_test_user


class PropertyBaseCommon(TransactionCase):
    """Two grids of one project: building A (butler A) and building B (butler B)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False))
        cls.butler_a = new_test_user(
            cls.env, login="butler_a", groups="property_base.property_base_group_butler"
        )
        cls.butler_b = new_test_user(
            cls.env, login="butler_b", groups="property_base.property_base_group_butler"
        )
        cls.officer = new_test_user(
            cls.env, login="officer", groups="property_base.property_base_group_officer"
        )
        cls.manager = new_test_user(
            cls.env,
            login="prop_manager",
            groups="property_base.property_base_group_manager",
        )
        cls.project = cls.env["property.project"].create(
            {"name": "Jade Lake", "code": "JL", "manager_id": cls.manager.id}
        )
        cls.building_a, cls.building_b = cls.env["property.building"].create(
            [
                {
                    "name": "B1",
                    "project_id": cls.project.id,
                    "butler_id": cls.butler_a.id,
                },
                {
                    "name": "B2",
                    "project_id": cls.project.id,
                    "butler_id": cls.butler_b.id,
                },
            ]
        )
        cls.unit_a1, cls.unit_a2, cls.unit_b1 = cls.env["property.unit"].create(
            [
                {
                    "name": "101",
                    "building_id": cls.building_a.id,
                    "sale_state": "handed_over",
                    "occupancy": "occupied",
                    "area": 89.5,
                },
                {
                    "name": "102",
                    "building_id": cls.building_a.id,
                    "sale_state": "handed_over",
                    "occupancy": "vacant",
                },
                {
                    "name": "101",
                    "building_id": cls.building_b.id,
                    "sale_state": "signed",
                },
            ]
        )
        cls.owner_a, cls.owner_b = cls.env["res.partner"].create(
            [
                {"name": "Wang Jianguo", "customer_stage": "owner"},
                {"name": "Li Xiuying", "customer_stage": "owner"},
            ]
        )
        cls.env["property.residency"].create(
            [
                {
                    "partner_id": cls.owner_a.id,
                    "unit_id": cls.unit_a1.id,
                    "role": "owner",
                    "date_start": "2023-01-01",
                },
                {
                    "partner_id": cls.owner_b.id,
                    "unit_id": cls.unit_b1.id,
                    "role": "owner",
                    "date_start": "2023-01-01",
                },
            ]
        )
