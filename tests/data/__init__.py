"""Generated test data: synthetic Theia products (see ``tests.data.theia_synth``)."""
