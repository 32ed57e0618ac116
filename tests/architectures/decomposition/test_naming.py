from architectures.decomposition.naming import NamingInput, name_candidates


def test_it_names_a_candidate_after_the_package_most_of_its_modules_share():
    names = name_candidates(
        [
            NamingInput(["hr.payroll.calc", "hr.payroll.tax", "web.payslip_view"], ["payslips"]),
            NamingInput(["hr.leave.requests", "hr.leave.balances"], ["leave_requests"]),
        ]
    )
    assert names == ["payroll", "leave"]


def test_it_falls_back_to_the_dominant_words_of_tables_and_modules():
    names = name_candidates(
        [
            NamingInput(["InvoiceController", "InvoiceService", "DunningJob"], ["invoices"]),
            NamingInput(["StockController", "StockService"], ["stock_items"], ["invoices"]),
        ]
    )
    assert names == ["invoice", "stock"]


def test_it_never_names_a_candidate_after_a_technical_layer():
    (name,) = name_candidates([NamingInput(["views", "models", "services"], [])])
    assert name == "models"  # nothing else to go on: the first module name by order
    (name,) = name_candidates([NamingInput(["web.cart_controller", "web.cart_service"], ["carts"])])
    assert name == "cart"


def test_it_keeps_pins_and_makes_every_name_unique():
    names = name_candidates(
        [
            NamingInput(["orders.a", "orders.b"], ["orders"]),
            NamingInput(["orders.c"], ["order_lines"]),
            NamingInput(["x"], [], pin="orders"),
        ]
    )
    assert names[2] == "orders"
    assert len(set(names)) == 3 and all(n.startswith("orders") for n in names[:2])
