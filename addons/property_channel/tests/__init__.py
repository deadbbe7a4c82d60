from . import test_channel_queue
