import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

// a step may wait on the server: generous on a loaded test machine
const STEP_TIMEOUT = 30000;

registry.category("web_tour.tours").add("property_survey_monthly_campaign", {
    steps: () => [
        {
            timeout: STEP_TIMEOUT,
            content: "The campaigns screen is shown in Chinese",
            trigger: ".o_breadcrumb:contains('满意度调查活动')",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "Plan a new monthly campaign",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "Look for my project",
            trigger: ".o_field_widget[name=project_id] input",
            run: "edit Jade",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "My project is offered",
            trigger: ".o-autocomplete--dropdown-item a:contains('Jade Lake')",
            run: "click",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "The month surveyed",
            trigger: ".o_field_widget[name=month] input",
            run: "edit 2024/08/01 && press Enter",
        },
        ...stepUtils.saveForm(),
        {
            timeout: STEP_TIMEOUT,
            content: "Draw the sample",
            trigger: "button[name=action_draw]:contains('抽取样本')",
            run: "click",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "Six households are sampled",
            trigger: "button[name=action_view_households] .o_stat_value:contains('6')",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "Invite them by e-mail",
            trigger: "button[name=action_invite]:contains('邮件邀请')",
            run: "click",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "All six are invited",
            trigger: ".o_field_widget[name=invited_count]:contains('6')",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "Open the target calculator",
            trigger: "button[name=action_open_target_calculator]:contains('目标值测算')",
            run: "click",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "The calculator tells what is still needed",
            trigger: ".modal .o_field_widget[name=needed_count]",
        },
        {
            timeout: STEP_TIMEOUT,
            trigger: ".modal .modal-footer button[special=cancel]",
            run: "click",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "Open the dissatisfaction Pareto",
            trigger: ".o_form_view:not(:has(.modal)) button[name=action_open_pareto]:contains('帕累托')",
            run: "click",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "The Pareto is a titled report screen, not a technical record name",
            trigger: ".o_breadcrumb:contains('不满意原因帕累托分析：Jade Lake'):not(:contains('NewId'))",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "It can be recomputed from its own screen",
            trigger: ".o_form_statusbar button[name=action_compute]:contains('计算')",
            run: "click",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "and printed",
            trigger: ".o_form_statusbar button[name=action_print]",
        },
    ],
});
