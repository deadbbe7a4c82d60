import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("property_helpdesk_owner_request", {
    url: "/my",
    steps: () => [
        {
            content: "File a new request from the Tickets card of the portal home",
            trigger: ".o_portal_index_card button[name='create_new_ticket']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "It is a repair",
            trigger: "select[name='kind']",
            run: "select repair",
        },
        {
            content: "Subject",
            trigger: "input[name='subject']",
            run: "edit Kitchen tap dripping",
        },
        {
            content: "Description",
            trigger: "textarea[name='description']",
            run: "edit Drips all night under the sink",
        },
        {
            content: "Submit",
            trigger: "button[type='submit']:contains('Submit Ticket')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The ticket page shows the home and the repair deadlines",
            trigger: ".o_ticket_milestones:contains('expected by')",
        },
        {
            content: "The sidebar shows the ticket number",
            trigger: ".o_portal_helpdesk_sidebar h2",
        },
    ],
});
