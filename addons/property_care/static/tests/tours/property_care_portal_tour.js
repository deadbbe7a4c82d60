import { registry } from "@web/core/registry";

const ROW = "table.o_portal_my_care tr:has(td:contains('Quality inspection at 11 months'))";

registry.category("web_tour.tours").add("property_care_portal_appointments", {
    url: "/my",
    steps: () => [
        {
            content: "Open my appointments from the portal home",
            trigger: "a[href='/my/care']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Only my own appointments are listed",
            trigger: "table.o_portal_my_care:not(:has(td:contains('Inspection of B')))",
        },
        {
            content: "Confirm the quality inspection",
            trigger: `${ROW} button:contains('Confirm')`,
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The confirmation is shown",
            trigger: ".alert-success:contains('the appointment is confirmed')",
        },
        {
            content: "The appointment is marked confirmed",
            trigger: `${ROW} .badge:contains('Confirmed')`,
        },
        {
            content: "Pick another day",
            trigger: `${ROW} input[name='requested_date']`,
            run() {
                // a date input's value is its ISO day; set it as the date picker does
                this.anchor.value = "2099-03-08";
                this.anchor.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        {
            content: "Say why",
            trigger: `${ROW} input[name='note']`,
            run: "edit Away that week",
        },
        {
            content: "Ask for another day",
            trigger: `${ROW} button:contains('Ask another day')`,
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The request is acknowledged",
            trigger: ".alert-success:contains('your butler will propose the new day')",
        },
        {
            content: "The requested day is shown on the appointment",
            trigger: `${ROW} .badge:contains('2099-03-08')`,
        },
    ],
});
