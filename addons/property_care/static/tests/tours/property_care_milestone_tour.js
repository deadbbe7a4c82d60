import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

// a step may wait on the server: generous on a loaded test machine
const STEP_TIMEOUT = 30000;

registry.category("web_tour.tours").add("property_care_milestone_broadcast", {
    steps: () => [
        {
            timeout: STEP_TIMEOUT,
            content: "The broadcasts list is shown in Chinese",
            trigger: ".o_breadcrumb:contains('项目节点通知')",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "Start a new broadcast",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "Name the milestone",
            trigger: ".o_field_widget[name=name] input",
            run: "edit 3号楼封顶",
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
            content: "Give the subject",
            trigger: ".o_field_widget[name=subject] input",
            run: "edit 工程进度喜报",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "Write the message",
            trigger: ".o_field_widget[name=message] textarea",
            run: "edit 尊敬的{name}，您在{project}的新家{unit}所在楼栋已封顶。",
        },
        ...stepUtils.saveForm(),
        {
            timeout: STEP_TIMEOUT,
            content: "Send to the buyers",
            trigger: "button[name=action_send]:contains('发送给购房客户')",
            run: "click",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "Confirm sending",
            trigger: ".modal:contains('向本项目尚未通知到的所有购房客户发送此消息') .modal-footer .btn-primary",
            run: "click",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "The buyer with an e-mail address is reached",
            trigger: ".o_field_widget[name=sent_count]:contains('1')",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "The buyer without one is listed as failed",
            trigger: ".o_field_widget[name=failed_count]:contains('1')",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "The chatter tells how many were reached",
            trigger: ".o-mail-Message:contains('已向 2 位新收件人发送通知。')",
        },
    ],
});
