import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

// a step may wait on the server: generous on a loaded test machine
const STEP_TIMEOUT = 30000;

const DONE = ".o-dropdown--menu .dropdown-item:contains('Done'), .o-dropdown--menu .dropdown-item:contains('完成')";
const LESSON = "物业费收据统一由管家当面送达";

registry.category("web_tour.tours").add("property_helpdesk_graded_complaint", {
    steps: () => [
        {
            timeout: STEP_TIMEOUT,
            content: "Take a complaint",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            timeout: STEP_TIMEOUT,
            trigger: ".o_field_widget[name=name] input",
            run: "edit 物业费收据未送达",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "It is a complaint",
            trigger: ".o_field_widget[name=kind] input",
            run: "click",
        },
        {
            timeout: STEP_TIMEOUT,
            trigger: ".o_select_menu_item:contains('投诉')",
            run: "click",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "Its grade is asked",
            trigger: ".o_field_widget[name=complaint_grade] input",
            run: "click",
        },
        {
            timeout: STEP_TIMEOUT,
            trigger: ".o_select_menu_item:contains('一般')",
            run: "click",
        },
        {
            timeout: STEP_TIMEOUT,
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
            trigger: ".o_form_sheet .o_field_widget[name=description] .odoo-editor-editable",
            run: "editor 业主连续两个月没有收到物业费收据",
        },
        ...stepUtils.saveForm(),
        {
            timeout: STEP_TIMEOUT,
            trigger: "button[name=action_acknowledge]:contains('受理')",
            run: "click",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "The complaint is acknowledged",
            trigger: ".o_form_view:not(:has(button[name=action_acknowledge]))",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "Write the one-complaint-one-summary",
            trigger: ".o_notebook a[name=property_lesson]:contains('总结')",
            run: "click",
        },
        {
            timeout: STEP_TIMEOUT,
            trigger: ".o_field_widget[name=cause] textarea",
            run: "edit 收据由保安转交，遗失未追踪",
        },
        {
            timeout: STEP_TIMEOUT,
            trigger: ".o_field_widget[name=lesson] textarea",
            run: `edit ${LESSON}`,
        },
        ...stepUtils.saveForm(),
        {
            timeout: STEP_TIMEOUT,
            content: "Close the complaint",
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
            content: "Its callbacks are planned",
            trigger: ".o_notebook a[name=property_callbacks]:contains('回访')",
            run: "click",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "Record the first callback",
            trigger: ".o_field_widget[name=callback_ids] .o_data_row:first button[name=action_open_record_wizard]",
            run: "click",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "The owner is satisfied",
            trigger: ".modal .o_field_widget[name=score] .o_radio_item:contains('5') input",
            run: "click",
        },
        {
            timeout: STEP_TIMEOUT,
            trigger: ".modal .o_field_widget[name=comment] textarea",
            run: "edit 已收到补发的收据，满意",
        },
        {
            timeout: STEP_TIMEOUT,
            trigger: ".modal button[name=action_record]",
            run: "click",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "The callback shows its score",
            trigger: ".o_form_view:not(:has(.modal)) .o_field_widget[name=callback_ids] .o_data_row:first:contains('5')",
        },
    ],
});

registry.category("web_tour.tours").add("property_helpdesk_lessons_learned", {
    steps: () => [
        {
            timeout: STEP_TIMEOUT,
            trigger: ".o_group_header",
            run: "click",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "The list shows the cause and the lesson",
            trigger: `.o_data_row:contains('${LESSON}'):contains('收据由保安转交')`,
        },
    ],
});
