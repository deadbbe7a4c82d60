from . import test_backtest
from . import test_features
from . import test_tour
from . import test_work_list
