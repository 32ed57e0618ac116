"""The REST API, mounted at /api/v1/: one NinjaAPI (`decider.api.site.api`), one router
per resource. Importing the package imports nothing else, so the error helpers of
`decider.api.errors` can serve the site-wide error handlers without a cycle."""
