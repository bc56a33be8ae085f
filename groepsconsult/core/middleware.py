from groepsconsult.core.views import healthz


class DutchByDefaultMiddleware:
    """Dutch unless the user picked another language with the switch (the language cookie).

    Django would otherwise follow the browser's Accept-Language; many shared tablets in community
    centres are set to English, and the team works in Dutch.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


HEALTHZ_PATH = "/healthz"


class HealthCheckMiddleware:
    """Answer /healthz before SecurityMiddleware and CommonMiddleware.

    Load balancers and container probes call it over plain http and with their own Host header;
    SECURE_SSL_REDIRECT would answer 301 and ALLOWED_HOSTS 400. It shows no data, only whether
    the database answers.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == HEALTHZ_PATH:
            return healthz(request)
        return self.get_response(request)
