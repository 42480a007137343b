def test_health_answers_ok_to_anyone_without_the_database(client):
    response = client.get("/health/")
    assert (response.status_code, response.content) == (200, b"ok")
