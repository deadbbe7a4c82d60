import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

// a step may wait on the server: generous on a loaded test machine
const STEP_TIMEOUT = 30000;

registry.category("web_tour.tours").add("property_helpdesk_patrol_round", {
    steps: () => [
        {
            timeout: STEP_TIMEOUT,
            content: "The patrols screen is shown in Chinese",
            trigger: ".o_breadcrumb:contains('巡查')",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "Log a new round",
            trigger: ".o-kanban-button-new, .o_list_button_add",
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
            trigger: ".o_field_widget[name=building_id] input",
            run: "edit B1",
        },
        {
            timeout: STEP_TIMEOUT,
            trigger: ".o-autocomplete--dropdown-item a:contains('B1')",
            run: "click",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "Add a finding",
            trigger: ".o_field_widget[name=finding_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            timeout: STEP_TIMEOUT,
            trigger: ".o_field_widget[name=finding_ids] .o_selected_row .o_field_widget[name=location] input",
            run: "edit 1单元大堂",
        },
        {
            timeout: STEP_TIMEOUT,
            trigger: ".o_field_widget[name=finding_ids] .o_selected_row .o_field_widget[name=description] textarea, .o_field_widget[name=finding_ids] .o_selected_row .o_field_widget[name=description] input",
            run: "edit 大堂顶灯不亮",
        },
        ...stepUtils.saveForm(),
        {
            timeout: STEP_TIMEOUT,
            content: "The finding becomes a ticket",
            trigger: ".o_field_widget[name=finding_ids] tr:contains('1单元大堂') button[name=action_create_ticket]",
            run: "click",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "The finding now links its ticket",
            trigger: ".o_field_widget[name=finding_ids] tr:contains('1单元大堂') td[name=ticket_id]:contains('1单元大堂')",
        },
    ],
});
