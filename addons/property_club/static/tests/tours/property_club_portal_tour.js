import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("property_club_portal_card", {
    url: "/my",
    steps: () => [
        {
            content: "Open the owner club from the portal home",
            trigger: "a[href='/my/club']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The activity open to my tier is listed",
            trigger: ".o_club_events:contains('Family day')",
        },
        {
            content: "The activity of another tier is not",
            trigger: ".o_club_events:not(:contains('Gold forum'))",
        },
        {
            content: "Open my card",
            trigger: "a[href^='/my/club/card/']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The QR code a merchant scans is shown",
            trigger: "img.o_club_card_qr",
            run() {
                if (!this.anchor.complete || !this.anchor.naturalWidth) {
                    throw new Error("the card's QR code did not load");
                }
            },
        },
        {
            content: "The printable card can be downloaded",
            trigger: "a.o_club_card_print[href*='report_type=pdf']",
        },
    ],
});
