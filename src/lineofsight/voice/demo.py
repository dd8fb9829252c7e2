def load(seed: int) -> None:
    """placeholder"""
