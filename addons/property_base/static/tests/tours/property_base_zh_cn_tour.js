import { registry } from "@web/core/registry";
import { noEnglishStep } from "./zh_cn_screen";

registry.category("web_tour.tours").add("property_base_zh_cn_screen", {
    steps: () => [
        {
            content: "The projects show 翠湖花园",
            trigger: ".o_kanban_record:contains('翠湖花园')",
        },
        noEnglishStep(".o_content"),
        {
            content: "Open the project",
            trigger: ".o_kanban_record:contains('翠湖花园')",
            run: "click",
        },
        {
            content: "Its form is open",
            trigger: ".o_form_view .o_field_widget[name='name'] input",
        },
        noEnglishStep(".o_content"),
    ],
});
