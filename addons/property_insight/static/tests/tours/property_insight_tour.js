import { registry } from "@web/core/registry";

const REASON = "近12个月关系变更次数";

registry.category("web_tour.tours").add("property_insight_work_list", {
    steps: () => [
        {
            content: "The work list is empty this month",
            trigger: ".o_list_view .o_view_nocontent",
        },
        {
            content: "Score the month",
            trigger: "button[name='action_score_this_month']",
            run: "click",
        },
        {
            content: "The work list shows the households with their reasons in Chinese",
            trigger: `.o_data_row td[name='reasons']:contains('${REASON}')`,
            // back-test and scoring of the month run first
            timeout: 60000,
        },
        {
            content: "Open the riskiest household",
            trigger: ".o_data_row:first td[name='unit_id']",
            run: "click",
        },
        {
            content: "Its form names the reasons",
            trigger: `.o_form_view .o_field_widget[name='reasons']:contains('${REASON}')`,
        },
    ],
});
