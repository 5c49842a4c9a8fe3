from django.urls import path

from canbo.jobs import views

app_name = "jobs"
urlpatterns = [
    path("<int:pk>/", views.job_state, name="state"),
]
