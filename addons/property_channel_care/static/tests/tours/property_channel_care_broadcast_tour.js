import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("property_channel_care_broadcast", {
    steps: () => [
        {
            content: "发送给购房客户 (each on their own channel)",
            trigger: ".o_form_view button[name='action_channel_broadcast']:contains('发送给购房客户')",
            run: "click",
        },
        {
            content: "Confirm the broadcast",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "Every buyer is listed as queued",
            trigger: ".o_field_widget[name='log_ids'] .o_data_row:contains('Wang Jianguo'):contains('排队中')",
        },
        {
            content: "The chatter says the broadcast is queued",
            trigger: ".o-mail-Message:contains('播报已排队')",
        },
    ],
});
