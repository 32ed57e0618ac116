def test_every_operation_documents_its_success_and_its_errors(client):
    schema = client.get("/api/v1/openapi.json").json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            statuses = set(operation["responses"])
            assert statuses & {"200", "201"}, f"{method.upper()} {path} documents no success"
            if "{" in path:
                assert "404" in statuses, f"{method.upper()} {path} documents no 404"
            if method == "post":
                assert {"413", "422"} <= statuses, f"POST {path} misses 413 or 422"


def test_every_operation_documents_what_the_middleware_may_answer(client):
    schema = client.get("/api/v1/openapi.json").json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            statuses = set(operation["responses"])
            headers = {p["name"] for p in operation.get("parameters", []) if p["in"] == "header"}
            assert {"414", "500", "503"} <= statuses, f"{method} {path}"
            assert "X-Request-ID" in headers
            if method == "post":
                assert {"400", "409", "411", "413", "415"} <= statuses, f"POST {path}"
                assert "Idempotency-Key" in headers
            if "/diagram." in path:
                assert {"202", "422"} <= statuses, path


def test_the_task_status_operation_is_documented(client):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/tasks/{task_id}"]["get"]
    assert {"200", "404"} <= set(operation["responses"])
