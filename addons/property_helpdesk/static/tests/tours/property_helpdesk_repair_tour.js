import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

// a step may wait on the server: generous on a loaded test machine
const STEP_TIMEOUT = 30000;

const DONE = ".o-dropdown--menu .dropdown-item:contains('Done'), .o-dropdown--menu .dropdown-item:contains('完成')";

registry.category("web_tour.tours").add("property_helpdesk_repair_by_phone", {
    steps: () => [
        {
            timeout: STEP_TIMEOUT,
            content: "The tickets list is shown in Chinese",
            trigger: ".o_breadcrumb:contains('投诉报修')",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "Take a new call",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "A new ticket is named plainly in the breadcrumb",
            trigger: ".o_breadcrumb:not(:contains('False'))",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "What the owner reports",
            trigger: ".o_field_widget[name=name] input",
            run: "edit 厨房水管漏水",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "Who calls",
            trigger: ".o_field_widget[name=partner_id] input",
            run: "edit Wang",
        },
        {
            timeout: STEP_TIMEOUT,
            trigger: ".o-autocomplete--dropdown-item a:contains('Wang Jianguo')",
            run: "click",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "Which home",
            trigger: ".o_field_widget[name=unit_id] input",
            run: "edit B1",
        },
        {
            timeout: STEP_TIMEOUT,
            trigger: ".o-autocomplete--dropdown-item a:contains('B1 101')",
            run: "click",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "The grid butler takes it",
            trigger: ".o_field_widget[name=user_id] input:value('张伟')",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "The description is on the main form",
            trigger: ".o_form_sheet .o_field_widget[name=description] .odoo-editor-editable",
            run: "editor 厨房水槽下有水，地面已湿",
        },
        ...stepUtils.saveForm(),
        {
            timeout: STEP_TIMEOUT,
            content: "The butler's grid ticket is acknowledged",
            trigger: "button[name=action_acknowledge]:contains('受理')",
            run: "click",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "Dispatch: choose whom to send",
            trigger: ".o_form_statusbar button:contains('派工')",
            run: "click",
        },
        {
            timeout: STEP_TIMEOUT,
            trigger: ".modal .o_field_widget[name=user_id] input",
            run: "edit 刘",
        },
        {
            timeout: STEP_TIMEOUT,
            trigger: ".o-autocomplete--dropdown-item a:contains('刘师傅')",
            run: "click",
        },
        {
            timeout: STEP_TIMEOUT,
            trigger: ".modal button[name=action_dispatch]",
            run: "click",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "The technician now holds the ticket",
            trigger: ".o_form_view:not(:has(.modal)) .o_field_widget[name=user_id] input:value('刘师傅')",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "The technician is on site",
            trigger: "button[name=action_on_site]:contains('到场')",
            run: "click",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "On site is recorded",
            trigger: ".o_form_view:not(:has(button[name=action_on_site]))",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "Resolve: the closing stages",
            trigger: ".o_statusbar_status button.dropdown-toggle.o_arrow_button.o_first:visible",
            run: "click",
        },
        {
            timeout: STEP_TIMEOUT,
            trigger: DONE,
            run: "click",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "The ticket is resolved",
            trigger: ".o_statusbar_status button[aria-checked=true]:contains('Done'), .o_statusbar_status button[aria-checked=true]:contains('完成')",
        },
        // the description editor may leave the form dirty: save what is shown
        ...stepUtils.saveForm(),
    ],
});
