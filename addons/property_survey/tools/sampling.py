"""Sampling maths of the monthly satisfaction campaigns, free of Odoo.

Pure functions (tested by pytest in the repository's ``tests/``): how many
households a campaign samples, and how a sample is split between buildings.
"""

import math
from statistics import NormalDist


def largest_remainder(total, weights):
    """Split ``total`` in proportion to ``weights`` ({key: weight}).

    Every share is the floor of its exact quota; the units left over go to
    the keys with the largest remainders (ties broken by key), so each share
    is within 1 of its exact proportional value and the shares sum to
    ``total``.
    """
    population = sum(weights.values())
    if not population or not total:
        return dict.fromkeys(weights, 0)
    quotas = {key: total * weight / population for key, weight in weights.items()}
    shares = {key: math.floor(quota) for key, quota in quotas.items()}
    left = total - sum(shares.values())
    for key in sorted(quotas, key=lambda k: (-(quotas[k] - shares[k]), k))[:left]:
        shares[key] += 1
    return shares


def sample_size(population, mode, fixed, confidence, margin):
    """Sample size for ``population`` households.

    ``fixed`` mode takes ``fixed`` households; ``statistical`` mode uses
    Cochran's formula for a proportion (p = 0.5, the most cautious) at the
    given confidence level and margin of error (percent), with the
    finite-population correction n = n0 / (1 + (n0 - 1) / N), rounded up.
    Never more than the population.
    """
    if population <= 0:
        return 0
    if mode == "fixed":
        return min(max(fixed, 0), population)
    z = NormalDist().inv_cdf(1 - (1 - confidence / 100.0) / 2)
    e = margin / 100.0
    n0 = z * z * 0.25 / (e * e)
    return min(math.ceil(n0 / (1 + (n0 - 1) / population)), population)
