/**
 * A tour step that fails when English is left on a Chinese screen.
 *
 *     import { noEnglishStep } from "@property_base/../tests/tours/zh_cn_screen";
 *     steps: () => [..., noEnglishStep(".o_content"), ...]
 *
 * It reads the visible text and the placeholders and titles inside `selector`
 * and fails listing every Latin word that is not a code: acronyms (all
 * capitals), words with digits and `ALLOWED` or `allow` stay allowed — the
 * same rule as property_base/tests/zh_cn.py.
 */

export const ALLOWED = [
    "KPI", "KPIs", "SLA", "QR", "ID", "IDs", "CNY", "PDF", "SMS", "URL", "CSV",
    "Excel", "Odoo", "WeChat", "Email", "VIP", "Pareto", "NPS", "Wi-Fi",
];
const WORD = /[A-Za-z][A-Za-z'’-]*[A-Za-z]/g;

export function englishWords(text, allow = []) {
    const allowed = new Set([...ALLOWED, ...allow]);
    return (text.match(WORD) || []).filter(
        (word) => !allowed.has(word) && word !== word.toUpperCase()
    );
}

export function noEnglishStep(selector = ".o_content", allow = []) {
    return {
        content: `no English left in ${selector}`,
        trigger: selector,
        run() {
            const texts = [this.anchor.innerText];
            for (const el of this.anchor.querySelectorAll("[placeholder], [title]")) {
                texts.push(el.getAttribute("placeholder") || "", el.getAttribute("title") || "");
            }
            const found = texts.flatMap((text) =>
                text.split("\n").filter((line) => englishWords(line, allow).length)
            );
            if (found.length) {
                throw new Error(`English left on a Chinese screen: ${found.join(" | ")}`);
            }
        },
    };
}
