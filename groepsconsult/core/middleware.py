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
