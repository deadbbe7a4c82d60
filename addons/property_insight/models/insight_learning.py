"""The statistics of the early warning, kept apart from the ORM.

Logistic regression on standardised features with balanced class weights,
then the intercept moved back by the log of the training odds (prior
correction) so that a predicted 30 % means about 30 % of such households
answer unhappy. Pure functions of numpy arrays.
"""

import math

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.preprocessing import StandardScaler

MIN_SAMPLES = 20


def can_train(y):
    """Enough answers, of both kinds, to learn from."""
    return len(y) >= MIN_SAMPLES and 0 < int(y.sum()) < len(y)


class RiskModel:
    """A fitted scaler and logistic regression, with their explanation."""

    def __init__(self, x, y):
        self.scaler = StandardScaler().fit(x)
        self.regression = LogisticRegression(
            class_weight="balanced", max_iter=500, solver="lbfgs"
        ).fit(self.scaler.transform(x), y)
        positives = float(y.sum())
        # balanced weights multiply the odds by negatives / positives
        self.shift = math.log(positives / (len(y) - positives))

    @property
    def coefficients(self):
        return self.regression.coef_[0]

    def predict(self, x):
        """Probability of an unhappy answer, per row of ``x``."""
        logit = self.regression.decision_function(self.scaler.transform(x))
        return 1.0 / (1.0 + np.exp(-(logit + self.shift)))

    def contributions(self, x):
        """Per row and feature, how much the feature raises the logit."""
        return self.scaler.transform(x) * self.coefficients


def auc(y, score):
    """Area under the ROC curve; 0.5 when only one class is present."""
    if len(y) == 0 or y.min() == y.max():
        return 0.5
    return float(roc_auc_score(y, score))


def top_share(y, score, share):
    """Precision and recall among the ``share`` highest scores (ties in
    order of appearance)."""
    if not len(y):
        return 0.0, 0.0
    count = max(1, math.ceil(len(y) * share))
    top = np.argsort(-score, kind="stable")[:count]
    hits = float(y[top].sum())
    positives = float(y.sum())
    return hits / count, (hits / positives if positives else 0.0)
