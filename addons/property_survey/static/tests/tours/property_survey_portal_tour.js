import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("property_survey_portal_questionnaire", {
    url: "/my",
    steps: () => [
        {
            content: "Open my satisfaction questionnaires from the portal home",
            trigger: "a[href='/my/satisfaction']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Open this month's questionnaire",
            trigger: "tr.o_property_survey_row a:contains('Answer')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Start the questionnaire",
            trigger: "button.btn:contains('Start')",
            run: "click",
        },
        {
            content: "Overall satisfaction: 4",
            trigger:
                "div.js_question-wrapper:contains('Overall, how satisfied') label:contains('4')",
            run: "click",
        },
        {
            content: "Loyalty: 5",
            trigger:
                "div.js_question-wrapper:contains('Would you recommend') label:contains('5')",
            run: "click",
        },
        {
            content: "Leave a comment",
            trigger:
                "div.js_question-wrapper:contains('Anything else you would like') textarea",
            run: "edit The new gate guards are friendly",
        },
        {
            content: "Submit",
            trigger: "button[value='finish']",
            run: "click",
        },
        {
            content: "Confirm the submission",
            trigger: ".modal-footer button.btn-primary",
            run: "click",
        },
        {
            content: "Thank you page",
            trigger: "h1:contains('Thank you')",
        },
    ],
});
