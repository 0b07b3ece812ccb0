"""Agency decision making: the Policy protocol and built-in policies."""
