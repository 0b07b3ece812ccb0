"""Many runs: seeds over serial, process and Dask backends, streamed into the store."""
