"""Client-side checks, the job form built from a process description, and the job actions
(duplicate, purge, estimate, credit) against the local service."""

from __future__ import annotations

import pytest

from tests.servers.dsmopt.service import DsmOptService
from theia_plugin.core.dsmopt import JobStore, follow, submit_job
from theia_plugin.core.dsmopt.checks import (
    Check,
    ImageInfo,
    check_job,
    convergence_angle,
    errors,
)
from theia_plugin.core.dsmopt.jobs import current_credit, duplicate_job, purge_job
from theia_plugin.core.dsmopt.parameters import KNOWN_DESCRIPTION, form_fields

from .conftest import FAST_POLL, INPUTS

ROI = (560_500.0, 6_208_000.0, 562_000.0, 6_209_500.0)
FOOTPRINT = (550_000.0, 6_200_000.0, 570_000.0, 6_215_000.0)


def texts(checks: list[Check]) -> str:
    return " | ".join(check.text for check in checks)


# -- checks ------------------------------------------------------------------------------------


def test_a_good_pair_passes() -> None:
    images = [ImageInfo("F", 6.0, footprint=FOOTPRINT), ImageInfo("B", -5.0, footprint=FOOTPRINT)]
    assert check_job(images, ROI, credit=1000, cost=200) == []


@pytest.mark.parametrize("count", [0, 1, 4])
def test_two_or_three_images(count: int) -> None:
    found = errors(check_job([ImageInfo(f"I{i}") for i in range(count)], ROI))
    assert len(found) == 1
    assert f"2 or 3 stereo images expected, {count} given" in found[0].text


def test_duplicated_and_empty_ids() -> None:
    found = texts(check_job([ImageInfo("A"), ImageInfo("A"), ImageInfo(" ")], None))
    assert "A given more than once" in found
    assert "an image id is empty" in found


def test_convergence_angle_from_signed_incidences() -> None:
    assert convergence_angle(ImageInfo("F", 12.0), ImageInfo("B", -9.0)) == pytest.approx(21.0)
    assert convergence_angle(ImageInfo("F", 12.0), ImageInfo("B")) is None
    # with azimuths: two 10° views from opposite sides converge by 20°
    opposite = convergence_angle(ImageInfo("F", 10.0, 0.0), ImageInfo("B", 10.0, 180.0))
    assert opposite == pytest.approx(20.0)
    same_side = convergence_angle(ImageInfo("F", 10.0, 90.0), ImageInfo("B", 10.0, 90.0))
    assert same_side == pytest.approx(0.0, abs=1e-6)


def test_convergence_too_wide_is_an_error_and_narrow_a_warning() -> None:
    wide = check_job([ImageInfo("F", 12.0), ImageInfo("N", 0.0), ImageInfo("B", -9.0)], ROI)
    assert [c.level for c in wide] == ["error"]
    assert "between F and B is 21.0°" in wide[0].text and "below 20°" in wide[0].text
    narrow = check_job([ImageInfo("F", 1.0), ImageInfo("B", -1.0)], ROI)
    assert [c.level for c in narrow] == ["warning"]
    assert "2.0°" in narrow[0].text
    unknown = check_job([ImageInfo("F", 30.0), ImageInfo("B")], ROI)
    assert unknown == []  # nothing to compare


def test_roi_must_be_inside_every_footprint() -> None:
    small = (561_000.0, 6_208_000.0, 561_500.0, 6_209_000.0)
    images = [ImageInfo("F", footprint=FOOTPRINT), ImageInfo("B", footprint=small)]
    found = errors(check_job(images, ROI))
    assert len(found) == 1 and "not inside the footprint of B" in found[0].text
    flipped = (ROI[2], ROI[1], ROI[0], ROI[3])
    assert "xmin < xmax" in texts(check_job([ImageInfo("F"), ImageInfo("B")], flipped))


def test_credit_must_cover_the_cost() -> None:
    found = errors(check_job([ImageInfo("F"), ImageInfo("B")], ROI, credit=100, cost=250))
    assert "estimated cost (250 CPU s) exceeds your remaining credit (100 CPU s)" in found[0].text
    assert check_job([ImageInfo("F"), ImageInfo("B")], ROI, credit=None, cost=250) == []


# -- form --------------------------------------------------------------------------------------


def test_form_from_the_server_description(dsmopt_service: DsmOptService, make_client) -> None:
    from theia_plugin.core.dsmopt import open_backend

    backend = open_backend("ogc", dsmopt_service.ogc_url, make_client())
    fields = {f.key: f for f in form_fields(backend.describe_process())}
    assert fields["preset"].choices == ("Paysage forestier", "Montagne")  # the server's list
    assert fields["zoomF"].choices == (1, 2, 4, 8) and fields["zoomF"].default == 2
    assert fields["images"].required and fields["images"].group == "main"
    assert fields["waterMask"].kind == "boolean" and fields["waterMask"].group == "standard"
    assert {k for k, f in fields.items() if f.group == "expert"} == {
        "SzW", "Regul", "ZInc", "ZPas", "DefCor",
    }  # fmt: skip


def test_form_falls_back_to_the_known_parameters() -> None:
    fields = form_fields({"id": "dsm-opt"})
    assert [f.key for f in fields] == list(KNOWN_DESCRIPTION["inputs"])
    regul = next(f for f in fields if f.key == "Regul")
    assert (regul.kind, regul.default, regul.group) == ("number", 0.025, "expert")


# -- actions -----------------------------------------------------------------------------------


def test_duplicate_runs_the_same_inputs_again(
    backend, kind, dsmopt_service: DsmOptService, tmp_path
) -> None:
    store = JobStore(tmp_path / "jobs.sqlite")
    first = submit_job(backend, INPUTS, name="pair", store=store)
    assert first.inputs == INPUTS
    copy = duplicate_job(backend, first, store=store)
    assert copy.job_id != first.job_id
    assert dsmopt_service.jobs[copy.job_id].parameters["images"] == INPUTS["images"]
    assert dsmopt_service.jobs[copy.job_id].native in ("ACCEPTED", "RUNNING")
    assert {r.job_id for r in store.records()} == {first.job_id, copy.job_id}
    assert follow(backend, copy, policy=FAST_POLL).status == "successful"


def test_purge_removes_the_results(backend, kind, dsmopt_service: DsmOptService) -> None:
    job = follow(backend, backend.submit(INPUTS), policy=FAST_POLL)
    purged = purge_job(backend, job)
    assert purged.purged
    assert dsmopt_service.jobs[job.job_id].native in ("PURGED", "TERMINATED")
    assert not (dsmopt_service.folder / job.job_id / "archive.zip").exists() or kind == "ogc"


def test_estimate_and_credit(dsmopt_service: DsmOptService, make_client) -> None:
    from theia_plugin.core.dsmopt import open_backend

    gdm = open_backend("gdm", dsmopt_service.gdm_url, make_client())
    dsmopt_service.credit = 50_000.0
    cost, credit = gdm.estimate(INPUTS, name="quote")
    assert cost > 0 and credit == 50_000.0
    assert all(job.deleted for job in dsmopt_service.jobs.values())  # nothing left behind
    assert gdm.list_jobs() == []
    assert current_credit(gdm) is None  # no job yet tells it
    gdm.submit(INPUTS)
    assert current_credit(gdm) == pytest.approx(50_000.0 - cost)
    ogc = open_backend("ogc", dsmopt_service.ogc_url, make_client())
    assert current_credit(ogc) == pytest.approx(50_000.0 - cost)
