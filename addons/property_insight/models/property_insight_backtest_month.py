from odoo import fields, models


class PropertyInsightBacktestMonth(models.Model):
    """How the model trained on earlier months did on one month's answers."""

    _name = "property.insight.backtest.month"
    _description = "Back-test Month"
    _order = "backtest_id desc, month"
    _rec_name = "month"

    backtest_id = fields.Many2one(
        "property.insight.backtest", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="backtest_id.company_id", store=True)
    month = fields.Date(required=True, readonly=True)
    train_count = fields.Integer(string="Answers Trained On", readonly=True)
    sample_count = fields.Integer(string="Answers Scored", readonly=True)
    unhappy_count = fields.Integer(string="Unhappy", readonly=True)
    auc = fields.Float(string="Model AUC", digits=(3, 3), readonly=True)
    health_auc = fields.Float(string="Health Score AUC", digits=(3, 3), readonly=True)
    precision_5 = fields.Float(string="Precision Top 5 %", readonly=True)
    recall_5 = fields.Float(string="Recall Top 5 %", readonly=True)
    precision_10 = fields.Float(string="Precision Top 10 %", readonly=True)
    recall_10 = fields.Float(string="Recall Top 10 %", readonly=True)
    health_precision_10 = fields.Float(
        string="Health Score Precision Top 10 %", readonly=True
    )
    mean_predicted = fields.Float(string="Predicted Unhappy %", readonly=True)
    observed_rate = fields.Float(string="Observed Unhappy %", readonly=True)
