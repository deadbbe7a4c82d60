from . import amount_words
from . import property_merchant_category
from . import property_merchant_agreement
from . import property_merchant_agreement_line
from . import property_merchant_redemption
from . import property_merchant_statement
from . import property_merchant_verification
from . import res_partner
