#!/usr/bin/env python3
"""Benchmark the owner message queue of property_channel (issue 21).

Queues one broadcast for N owners preferring SMS and sends it through the
queue (``_enqueue``, then the cron's own batches: claim, pick the channel,
daily cap, rate limit, ``sms.sms`` through the Alibaba Cloud SDK, results
written back) to a local stand-in of Alibaba Cloud's SMS API that checks each
request's signature; against the same N bare SDK calls (SendSms) to the same
stand-in, measured in the same run. Target: queue overhead <= 1.5x.

    python3 bench/bench_channel_queue.py [--owners 100000]
        [--small] [--json PATH] [--template DB] [--keep]

``--small``: 1 000 owners.

Prints one JSON document with the figures. Needs an importable Odoo 19.
"""

import argparse
import json

from scratch import SMALL, ScratchDb, bench_arguments, row, scale_label, write_rows

MEASURE = r"""
import json, time
from alibabacloud_dysmsapi20170525 import models as dysms_models
from darabonba.runtime import RuntimeOptions
from odoo.addons.sms_aliyun.tests.aliyun_standin import AliyunSmsStandIn
from odoo.addons.sms_aliyun.tools.sms_api import SmsApiAliyun

OWNERS = __OWNERS__
out = {}
cr = env.cr
standin = AliyunSmsStandIn("LTAIbench", "BenchSecret").start()
company = env.company
company.write({
    "sms_provider": "aliyun",
    "sms_aliyun_access_key_id": "LTAIbench",
    "sms_aliyun_access_key_secret": "BenchSecret",
    "sms_aliyun_endpoint": standin.endpoint,
    "sms_aliyun_protocol": "http",
    "sms_sign_name": "翠湖物业",
    "sms_fallback_template_code": "SMS_900000001",
})
ICP = env["ir.config_parameter"].sudo()
ICP.set_param("property_channel.rate_per_minute", OWNERS * 2)
ICP.set_param("property_channel.daily_cap", 1000)
partners = env["res.partner"]
for start in range(0, OWNERS, 5000):
    partners |= partners.with_context(tracking_disable=True).create([
        {"name": f"业主{i}", "phone": f"139{i:08d}", "preferred_channel": "sms"}
        for i in range(start, min(start + 5000, OWNERS))
    ])
cr.commit()
out["owners"] = len(partners)
body = "尊敬的业主您好，翠湖花园二号楼已于今日封顶，感谢您的信任与支持。"

# bare SDK calls: the same SendSms requests, nothing else
api = SmsApiAliyun(env)
client = api._get_client(company.sudo())
runtime = RuntimeOptions()
params = json.dumps({"content": body}, ensure_ascii=False)
start = time.perf_counter()
for partner in partners:
    client.send_sms_with_options(dysms_models.SendSmsRequest(
        phone_numbers=partner.phone, sign_name="翠湖物业",
        template_code="SMS_900000001", template_param=params, out_id="x",
    ), runtime)
out["bare_sdk_s"] = round(time.perf_counter() - start, 3)
out["bare_sent"] = len(standin.sent)
standin.sent.clear()

# the queue: enqueue, then the cron's batches until nothing is due
Message = env["property.channel.message"]
start = time.perf_counter()
Message._enqueue([
    {"event_key": "bench:milestone", "partner_id": p.id, "subject": "封顶喜讯",
     "body": body}
    for p in partners
])
cr.commit()
out["enqueue_s"] = round(time.perf_counter() - start, 3)
while True:
    batch = Message._claim_due_batch(500)
    if not batch:
        break
    cr.commit()
    batch._send()
    cr.commit()
    env.invalidate_all()
out["queue_s"] = round(time.perf_counter() - start, 3)
out["queue_sent"] = len(standin.sent)
cr.execute("SELECT state, count(*) FROM property_channel_message "
           "WHERE event_key = 'bench:milestone' GROUP BY state")
out["states"] = dict(cr.fetchall())
out["ratio"] = round(out["queue_s"] / out["bare_sdk_s"], 2)
out["throughput_per_s"] = round(out["queue_sent"] / out["queue_s"], 1)
standin.stop()
print("BENCH " + json.dumps(out))
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--owners", type=int, default=100_000)
    bench_arguments(parser)
    opts = parser.parse_args()
    if opts.small:
        opts.owners = SMALL
    scratch = ScratchDb(
        "channel", keep=opts.keep, template=opts.template, from_db=opts.from_db
    )
    figures = {}
    try:
        figures["install_s"] = scratch.install("property_channel")
        figures.update(scratch.shell(MEASURE.replace("__OWNERS__", str(opts.owners))))
    finally:
        scratch.close()
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    owners = scale_label(figures["owners"], "broadcast SMS")
    write_rows(
        opts.json,
        [
            row(
                "channel_queue",
                "broadcast through the queue (vs bare SDK calls)",
                owners,
                figures["queue_s"],
                "s",
                1.5,
                baseline=figures["bare_sdk_s"],
            ),
            row(
                "channel_queue",
                "queue, time per message sent",
                owners,
                round(1000 * figures["queue_s"] / max(figures["queue_sent"], 1), 3),
                "ms",
                None,
            ),
        ],
    )


if __name__ == "__main__":
    main()
