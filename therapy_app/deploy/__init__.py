"""A clinic's deployment: nginx in front of several `therapy-app run` processes sharing one
PostgreSQL. The site and unit templates an operator installs, and the same arrangement
started on one machine (`therapy-app clinic up`)."""
