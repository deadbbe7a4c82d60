import { registry } from "@web/core/registry";

// a step may wait on the server: generous on a loaded test machine
const STEP_TIMEOUT = 30000;

registry.category("web_tour.tours").add("property_base_kpi_dashboard", {
    steps: () => [
        {
            timeout: STEP_TIMEOUT,
            content: "The dashboard is shown in Chinese",
            trigger: ".o_breadcrumb:contains('KPI 仪表板')",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "The pivot lists the KPIs by name",
            trigger: ".o_pivot .o_pivot_header_cell_closed:contains('入住率'), .o_pivot .o_pivot_header_cell_opened:contains('入住率'), .o_pivot th:contains('入住率')",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "Read the figures as a list",
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "The unit column is the unit of measure, not a home",
            trigger: ".o_list_renderer th[data-name=unit]:contains('单位'):not(:contains('房屋'))",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "The occupancy rate and its target",
            trigger: ".o_data_row:contains('入住率'):contains('92.50'):contains('80.00'):contains('%')",
        },
        {
            timeout: STEP_TIMEOUT,
            content: "The black-customer rate off target",
            trigger: ".o_data_row:contains('黑色客户占比'):contains('6.00')",
        },
    ],
});
