"""Build perfxl.xlam from source on any OS, without Excel (see build.build_addin)."""
