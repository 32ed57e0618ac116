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
