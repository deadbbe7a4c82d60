import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

// a step may wait on the server: generous on a loaded test machine
const STEP_TIMEOUT = 30000;

const GROUP = ".o-mail-ActivityGroup:contains('关怀触点')";

registry.category("web_tour.tours").add("property_care_butler_morning", {
    steps: () => [
        {
            timeout: STEP_TIMEOUT,
            content: "Open my activities",
            trigger: ".o-mail-ActivityMenu-counter",
            run: "click",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "Today's two touchpoints are counted as today's, none late",
            trigger: `${GROUP} span.btn-link:contains('2')`,
        },
        {
            timeout: STEP_TIMEOUT,
            content: "Open today's touchpoints",
            trigger: `${GROUP} span.btn-link:contains('2')`,
            run: "click",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "Open the yearly visit",
            trigger: ".o_data_row:contains('年度拜访') td.o_data_cell, .o_kanban_record:contains('年度拜访')",
            run: "click",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "What the owner said",
            trigger: ".o_field_widget[name=outcome] textarea",
            run: "edit 业主希望小区增加儿童游乐设施",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "The owner's score",
            trigger: ".o_field_widget[name=score] input",
            run: "edit 4",
        },
        ...stepUtils.saveForm(),
        {
            timeout: STEP_TIMEOUT,
            content: "Mark it done",
            trigger: "button[name=action_done]:contains('标记完成')",
            run: "click",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "The visit is logged on the touchpoint",
            trigger: ".o_field_widget[name=visit_ids] .o_data_row:contains('4')",
        },
    ],
});

registry.category("web_tour.tours").add("property_care_not_visited", {
    steps: () => [
        {
            timeout: STEP_TIMEOUT,
            content: "The list is in Chinese",
            trigger: ".o_breadcrumb:contains('本季度未拜访')",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "The other household is still to visit",
            trigger: ".o_data_row:contains('103')",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "The visited household has left the list",
            trigger: ".o_list_renderer:not(:has(.o_data_row:contains('101')))",
        },
    ],
});
