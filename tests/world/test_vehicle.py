from spacerace.world.vehicle import VehicleRecord, VehicleSpec


def test_beta_prior_from_the_real_record_and_updates():
    # N1: 0 successes in 4 real flights -> Beta(1, 5), mean 1/6
    spec = VehicleSpec("n1", "N1", "SU", 95000, 500, 2021, 1969, True, 0, 4)
    rec = VehicleRecord.from_spec(spec)
    assert rec.reliability == 1 / 6
    rec.update(True)
    assert (rec.alpha, rec.beta, rec.flights) == (2.0, 5.0, 1)
    assert rec.reliability == 2 / 7 and rec.successes == 1 and rec.total == 5
