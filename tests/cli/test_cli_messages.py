"""`tracker message list|show|edit` (issue #14): an organisation's templates from the command
line, checked like on the pages."""

import json


def test_list_show_edit_reset(cli, hr, tmp_path):  # noqa: ANN001
    listed = cli("--as rh@univ-st-etienne.fr message list")
    assert listed.exit_code == 0, listed.output
    assert "Message templates of ujm" in listed.output
    assert listed.output.count("default") == 10
    assert "acknowledgement of receipt on submission: on" in listed.output
    shown = cli("message show offer fr --org ujm")
    assert "Subject: Proposition d’embauche — {{ posting_title }}" in shown.output
    assert "Variables: candidate_name, posting_title" in shown.output
    text = tmp_path / "offer.txt"
    text.write_text("Bonjour {{ candidat }}", encoding="utf-8")
    refused = cli(f"--as rh@univ-st-etienne.fr message edit offer fr --body-file {text}")
    assert refused.exit_code == 1
    assert "body: unknown variable: candidat" in refused.output
    text.write_text("Bonjour {{ candidate_name }}, c'est oui.", encoding="utf-8")
    saved = cli(f"--as rh@univ-st-etienne.fr message edit offer fr --body-file {text} "
                "--no-acknowledge")
    assert saved.exit_code == 0, saved.output
    assert "offer (fr): saved" in saved.output
    found = json.loads(cli("message show offer fr --org ujm --format json").output)
    assert found["body"] == "Bonjour {{ candidate_name }}, c'est oui." and not found["is_default"]
    assert json.loads(cli("message list --org ujm --format json").output)[
        "acknowledge_applications"] is False
    assert "back to the default" in cli("message edit offer fr --org ujm --reset").output
    assert json.loads(cli("message show offer fr --org ujm --format json").output)["is_default"]


def test_a_candidate_may_not(cli, hr, candidate):  # noqa: ANN001
    result = cli("--as camille@example.org message list --org ujm")
    assert result.exit_code == 1 and "organisation" in result.output
