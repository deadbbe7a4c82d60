import { registry } from "@web/core/registry";

// The test gives the owner's card this number (a valid Damm check digit).
const CARD = "620241115002";

registry.category("web_tour.tours").add("property_merchant_desk", {
    url: "/my",
    steps: () => [
        {
            content: "Open the merchant desk from the portal home",
            trigger: "a[href='/my/merchant']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "A mistyped number (last two digits swapped) is refused",
            trigger: "input[name='number']",
            run: "edit 620241115020",
        },
        {
            trigger: "button:contains('Verify')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Refused, and no redemption form",
            trigger: ".o_merchant_result.alert-danger",
        },
        {
            trigger: "body:not(:has(form[action='/my/merchant/redeem']))",
        },
        {
            content: "Type the owner's card number",
            trigger: "input[name='number']",
            run: `edit ${CARD}`,
        },
        {
            trigger: "button:contains('Verify')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Valid: tier and discount shown, holder masked",
            trigger: ".o_merchant_result.alert-success .o_merchant_discount:contains('10')",
        },
        {
            content: "Enter the bill",
            trigger: "form[action='/my/merchant/redeem'] input[name='amount']",
            run: "edit 88",
        },
        {
            content: "Record the discount",
            trigger: "button:contains('Record discount')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The receipt shows what the owner pays",
            trigger: ".o_merchant_receipt .o_merchant_to_pay:contains('79.20')",
        },
        {
            content: "The redemption is listed with the masked number",
            trigger: `.o_merchant_redemptions td:contains('**** **** ${CARD.slice(-4)}')`,
        },
    ],
});
